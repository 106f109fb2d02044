// esp_chip.h -- the ESP32-C3's registers under the name the Espressif code in ports/shared
// includes (esp_gpio.c): its chip header, and where its GPIO block is.
#ifndef ESP32C3_ESP_CHIP_H
#define ESP32C3_ESP_CHIP_H

#include "esp32c3.h"

#define ESP_GPIO_BASE C3_GPIO_BASE

#endif // ESP32C3_ESP_CHIP_H
