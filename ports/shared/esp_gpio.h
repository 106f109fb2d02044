// esp_gpio.h -- machine.Pin's drive side over the GPIO block the Espressif chips share
// (ESP8266, ESP32-C3; esp_gpio.c): the same registers, each chip's at its own offsets.
#ifndef MPFORGE_PORTS_SHARED_ESP_GPIO_H
#define MPFORGE_PORTS_SHARED_ESP_GPIO_H

#include "machine_hal.h"

// Make [pin] an input, a push-pull output or an open-drain output (GPIO_ENABLE and the
// pad driver bit); its pad function and pulls are the chip's own business.
void esp_gpio_drive(unsigned pin, mhal_pin_mode_t mode);

#endif
