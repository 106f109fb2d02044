// rp2040js_run.js -- boot an RP2040 firmware image in rp2040js, as the boot ROM would:
// the image goes into flash at 0x10000000, the first 256 bytes (boot2) are checked
// against their CRC-32/MPEG-2 and copied to the top of SRAM, and the core starts there.
// boot2 then enters the firmware through the vector table at 0x10000100. No boot ROM
// code runs (rp2040js ships none), so the firmware must not call ROM routines.
//
//   NODE_PATH=tools/npm/node_modules node rp2040js_run.js IMAGE.bin [--uart1 loopback] [--wire A:B]...
//       [--batch ADDR:VALUE] [--device]
//
// Console: UART0 <-> stdin/stdout (raw at a terminal: Ctrl-C reaches the board;
// Ctrl-] leaves; --device: the console is a device a program drives, such as the pty of
// `mpforge run --console pty`: raw, every byte the board's). Exit status: a semihosting SYS_EXIT_EXTENDED (BKPT 0xAB with r0 =
// 0x20, r1 -> {0x20026, code}) ends the run with `code`; any other breakpoint or a CRC
// mismatch ends it with 125 and a message on stderr. A watchdog reset (machine.reset())
// restarts the chip, keeping the watchdog scratch registers as the hardware does.
// --uart1 loopback: UART1's transmitter feeds its own receiver (a jumper TX -> RX).
// --wire A:B: GPIO B's input follows GPIO A's output (a jumper between pins); an input
// with nothing driving it reads its pull-up/pull-down (the pads' pulls are modelled).
// --batch ADDR:VALUE: store the 32-bit VALUE at ADDR in SRAM at every boot (the runner's
// word of ports/cortex_m/cortex_m.h: a non-interactive run leaves after main.py).
// rp2040js comes from NODE_PATH (mpforge's runner points it at tools/npm/node_modules),
// else from the source tree's tools/npm.
'use strict';

function requireRp2040js() {
  try {
    return require('rp2040js');
  } catch (e) {
    return require(require('path').join(__dirname, '..', '..', 'tools', 'npm', 'node_modules', 'rp2040js'));
  }
}
const { RP2040, GPIOPinState } = requireRp2040js();

const EXIT_EMULATOR_ERROR = 125;
const BOOT2_SIZE = 256;
const BOOT2_SRAM = 0x20041f00;
const SEMIHOST_SYS_EXIT_EXTENDED = 0x20;
const ADP_STOPPED_APPLICATION_EXIT = 0x20026;
const WATCHDOG_BASE_KEY = 0x40058;
const CTRL_RIGHT_BRACKET = 0x1d;
const BATCH = 20000; // instructions between looks at the host's I/O

function parseArgs(argv) {
  const opts = { image: null, uart1: null, wires: [], batch: null, device: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--uart1') opts.uart1 = argv[++i];
    else if (a === '--device') opts.device = true;
    else if (a === '--wire') {
      const m = /^(\d+):(\d+)$/.exec(argv[++i] || '');
      if (!m) fail('--wire takes A:B (two GPIO numbers)');
      opts.wires.push([Number(m[1]), Number(m[2])]);
    } else if (a === '--batch') {
      const m = /^0x([0-9a-f]+):0x([0-9a-f]+)$/i.exec(argv[++i] || '');
      if (!m) fail('--batch takes 0xADDR:0xVALUE');
      opts.batch = [parseInt(m[1], 16), parseInt(m[2], 16)];
    } else if (!opts.image) opts.image = a;
    else fail(`unexpected argument ${a}`);
  }
  if (!opts.image) fail('usage: rp2040js_run.js IMAGE.bin [--uart1 loopback] [--wire A:B]...');
  if (opts.uart1 !== null && opts.uart1 !== 'loopback') fail('--uart1 takes "loopback"');
  return opts;
}

function fail(message) {
  process.stderr.write(`rp2040js_run: ${message}\n`);
  process.exit(EXIT_EMULATOR_ERROR);
}

// CRC-32/MPEG-2 as the boot ROM checks boot2: MSB first, initial value all ones.
function crc32Mpeg2(bytes) {
  let crc = 0xffffffff;
  for (const b of bytes) {
    crc ^= b << 24;
    for (let k = 0; k < 8; k++) crc = crc & 0x80000000 ? (crc << 1) ^ 0x04c11db7 : crc << 1;
  }
  return crc >>> 0;
}

const opts = parseArgs(process.argv.slice(2));
const fs = require('fs');
const image = fs.readFileSync(opts.image);
const boot2 = image.subarray(0, BOOT2_SIZE);
if (boot2.length < BOOT2_SIZE) fail(`${opts.image}: shorter than the 256-byte boot2`);
const storedCrc = boot2.readUInt32LE(BOOT2_SIZE - 4);
if (crc32Mpeg2(boot2.subarray(0, BOOT2_SIZE - 4)) !== storedCrc) {
  fail(`${opts.image}: boot2 CRC mismatch; the boot ROM would not start this image`);
}

const input = []; // console bytes not yet in UART0's receive FIFO
let output = []; // console bytes not yet written to stdout (flushed once a batch)
let mcu = null;
let scratch = null; // watchdog scratch registers carried across a reset
let resetPending = false;

function updateInputs() {
  const driven = new Map();
  for (const [from, to] of opts.wires) {
    const src = mcu.gpio[from];
    if (src.outputEnable) driven.set(to, src.outputValue);
  }
  for (const pin of mcu.gpio) {
    let level;
    if (pin.outputEnable) level = pin.outputValue;
    else if (driven.has(pin.index)) level = driven.get(pin.index);
    else if (pin.value === GPIOPinState.InputPullUp) level = true;
    else if (pin.value === GPIOPinState.InputPullDown) level = false;
    if (level !== undefined && level !== pin.rawInputValue) pin.setInputValue(level);
  }
}

function boot() {
  mcu = new RP2040();
  mcu.logger = { debug() {}, info() {}, warn() {}, error(c, m) { process.stderr.write(`rp2040js: ${m}\n`); } };
  mcu.flash.set(image, 0);
  const watchdog = mcu.peripherals[WATCHDOG_BASE_KEY];
  if (scratch) watchdog.scratchData.set(scratch);
  watchdog.onWatchdogTrigger = () => {
    scratch = Uint32Array.from(watchdog.scratchData);
    resetPending = true;
  };
  mcu.uart[0].onByte = (b) => output.push(b);
  if (opts.uart1 === 'loopback') {
    mcu.uart[1].onByte = (b) => mcu.uart[1].feedByte(b);
  }
  for (const pin of mcu.gpio) pin.addListener(updateInputs);
  mcu.onBreak = (code) => {
    const core = mcu.core;
    if (code === 0xab && core.registers[0] === SEMIHOST_SYS_EXIT_EXTENDED) {
      const block = core.registers[1];
      if (mcu.readUint32(block) === ADP_STOPPED_APPLICATION_EXIT) {
        finish(mcu.readUint32(block + 4) | 0);
        return;
      }
    }
    process.stderr.write(`rp2040js_run: breakpoint 0x${code.toString(16)} at pc 0x${(core.PC >>> 0).toString(16)}\n`);
    finish(EXIT_EMULATOR_ERROR);
  };
  // What the boot ROM does with a valid boot2: copy it to SRAM and call it.
  mcu.sram.set(boot2, BOOT2_SRAM - 0x20000000);
  if (opts.batch) mcu.writeUint32(opts.batch[0], opts.batch[1]);
  mcu.core.SP = BOOT2_SRAM;
  mcu.core.PC = BOOT2_SRAM;
  mcu.core.LR = 0xffffffff;
}

function flushOutput() {
  if (output.length) {
    process.stdout.write(Buffer.from(output));
    output = [];
  }
}

let finished = false;
function finish(status) {
  finished = true;
  flushOutput();
  process.stdout.write('', () => process.exit(status));
}

// Console bytes wait here until the firmware has enabled UART0's receiver, as a host's
// serial port holds them (a tool such as mpremote may send its Ctrl-C while the chip still
// boots: fed to a UART not yet set up, they were lost and the tool waited for ever).
function feedConsole() {
  const uart = mcu.uart[0];
  if (!uart.enabled || !uart.rxEnabled) return;
  const fifo = uart.rxFIFO;
  while (input.length && !fifo.full) uart.feedByte(input.shift());
}

const wallStart = process.hrtime.bigint();
// Execute a batch; while the core sleeps (WFI) jump to the next timer alarm, but never
// run ahead of the wall clock then, so an idle board costs no host CPU.
function run() {
  if (finished) return;
  if (resetPending) {
    resetPending = false;
    boot();
  }
  feedConsole();
  const { core, clock } = mcu;
  for (let i = 0; i < BATCH && !finished && !resetPending; i++) {
    if (core.waiting) {
      const wallNanos = Number(process.hrtime.bigint() - wallStart);
      if (clock.nanos > wallNanos && input.length === 0) {
        flushOutput();
        setTimeout(run, Math.max(1, Math.floor((clock.nanos - wallNanos) / 1e6)));
        return;
      }
      clock.tick(clock.nanosToNextAlarm);
    } else {
      clock.tick(core.executeInstruction() * 8); // 8 ns a cycle at 125 MHz
    }
  }
  flushOutput();
  setImmediate(run);
}

if (process.stdin.isTTY) process.stdin.setRawMode(true);
process.stdin.on('data', (chunk) => {
  for (const b of chunk) {
    if (process.stdin.isTTY && !opts.device && b === CTRL_RIGHT_BRACKET) finish(0);
    input.push(b);
  }
});
process.stdin.on('error', () => {});
process.stdout.on('error', () => process.exit(141)); // the reader went away: as SIGPIPE would
boot();
run();
