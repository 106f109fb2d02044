// A receive ring of bytes, shared by the ports' UART drivers.
//
// The receive interrupt puts bytes at head, readers take them from tail: each index has one
// writer, so no lock is needed on a single core. One slot stays free to tell a full ring from
// an empty one, so `slots` is the capacity + 1. The storage is a static array of the driver
// (an interrupt may write into it at any time, even across a soft reset), passed to each call
// so the ring's state stays three halfwords.
#ifndef MPFORGE_PORTS_SHARED_RING_H
#define MPFORGE_PORTS_SHARED_RING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
    volatile uint16_t head, tail;
    uint16_t slots;  // capacity + 1
} ring_t;

// Empty the ring and give it `slots` slots of its storage (capacity + 1).
static inline void ring_reset(ring_t *ring, uint16_t slots) {
    ring->slots = slots;
    ring->head = ring->tail = 0;
}

static inline uint16_t ring_next(const ring_t *ring, uint16_t index) {
    return index + 1u == ring->slots ? 0 : (uint16_t)(index + 1u);
}

// The interrupt side: store `c`, or drop it and return false when the ring is full.
static inline bool ring_put(ring_t *ring, volatile uint8_t *storage, uint8_t c) {
    uint16_t head = ring->head;
    uint16_t next = ring_next(ring, head);
    if (next == ring->tail) {
        return false;
    }
    storage[head] = c;
    ring->head = next;
    return true;
}

// The reader side: the oldest byte, or -1 when the ring is empty.
static inline int ring_get(ring_t *ring, const volatile uint8_t *storage) {
    uint16_t tail = ring->tail;
    if (tail == ring->head) {
        return -1;
    }
    int c = storage[tail];
    ring->tail = ring_next(ring, tail);
    return c;
}

// How many bytes wait in the ring.
static inline size_t ring_count(const ring_t *ring) {
    uint16_t head = ring->head, tail = ring->tail;
    return head >= tail ? (size_t)(head - tail) : (size_t)(head + ring->slots - tail);
}

#endif
