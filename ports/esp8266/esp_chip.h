// esp_chip.h -- the ESP8266's registers under the name the Espressif code in ports/shared
// includes (esp_gpio.c): its chip header, and where its GPIO block is.
#ifndef ESP8266_ESP_CHIP_H
#define ESP8266_ESP_CHIP_H

#include "esp8266.h"

#define ESP_GPIO_BASE E8_GPIO_BASE

#endif // ESP8266_ESP_CHIP_H
