"""Stage 3/5 outputs: the linker script from the memory map, ELF reading, Intel HEX,
DfuSe .dfu, the size report and the image-larger-than-flash error. Small inputs."""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from intelhex import IntelHex

from mpforge.config.view import ConfigView
from mpforge.errors import MpforgeError
from mpforge.images import dfuse, elf, esp, ihex, uf2
from mpforge.images.formats import BinImage, EspImage, formats_for
from mpforge.images.size import SizeReport, check_fits, ld_overflow, report
from mpforge.ldscript import STACK_MARGIN, MemoryMap, memory_map, render

SEGMENTS = (
    elf.Segment(0x08000000, bytes(range(16))),
    elf.Segment(0x08000010, b"\xaa\xbb\xcc\xdd"),
)

ARM_GCC = shutil.which("arm-none-eabi-gcc")


def _view(**values: str) -> ConfigView:
    base = {
        "CORTEX_M_FLASH_BASE": "0x08000000",
        "FLASH_SIZE": "0x80000",
        "CORTEX_M_RAM_BASE": "0x20000000",
        "RAM_SIZE": "0x20000",
        "CORTEX_M_STACK_SIZE": "16384",
        "STACK_LIMIT": "12288",
        "HEAP_SIZE": "65536",
    }
    return ConfigView("testboard", {**base, **values})


class TestLinkerScript:
    def test_fields_come_from_the_config(self) -> None:
        mm = memory_map(_view(), "CORTEX_M")
        assert mm == MemoryMap(0x08000000, 0x80000, 0x20000000, 0x20000, 16384)
        text = render(
            "F ${flash_origin} ${flash_size} R ${ram_origin} ${ram_size} S ${stack_size}", mm
        )
        assert text == "F 0x08000000 0x80000 R 0x20000000 0x20000 S 0x4000"

    def test_the_cortex_m_template_renders(self) -> None:
        template = Path(__file__).parent.parent / "ports/cortex_m/ldscript.ld.in"
        text = render(template.read_text(), memory_map(_view(), "CORTEX_M"), str(template))
        assert "ORIGIN = 0x08000000, LENGTH = 0x80000" in text
        assert "_stack_size = 0x4000;" in text

    def test_unknown_field_is_named(self) -> None:
        with pytest.raises(MpforgeError, match=r"unknown field \$\{rom_size\}"):
            render("${rom_size}", memory_map(_view(), "CORTEX_M"), "x.ld.in")

    def test_stack_limit_must_leave_a_margin(self) -> None:
        with pytest.raises(MpforgeError) as e:
            memory_map(_view(STACK_LIMIT="16000"), "CORTEX_M")
        assert "CONFIG_STACK_LIMIT=16000" in e.value.message
        assert f"at most {16384 - STACK_MARGIN}" in e.value.message

    def test_a_stack_below_the_smallest_limit_asks_only_for_a_larger_stack(self) -> None:
        """CONFIG_STACK_LIMIT cannot go below 2048: with a 3 KiB stack the message said
        "lower CONFIG_STACK_LIMIT to at most 1024" (a value the range refuses) and, for
        a 1 KiB stack, "at most -1024"."""
        with pytest.raises(MpforgeError) as e:
            memory_map(_view(STACK_LIMIT="2048", CORTEX_M_STACK_SIZE="3072"), "CORTEX_M")
        assert "lower CONFIG_STACK_LIMIT" not in e.value.message
        assert f"raise CONFIG_CORTEX_M_STACK_SIZE to at least {2048 + STACK_MARGIN}" in (
            e.value.message
        )

    def test_a_heap_that_cannot_shrink_enough_names_the_compiler(self) -> None:
        """A 16 KiB-RAM board with CONFIG_COMPILER and an 8 KiB stack: the heap's floor is then
        9216, and "lower CONFIG_HEAP_SIZE" alone was a fix the range refuses; with a
        filesystem the floor is 32768."""
        view = _view(
            HEAP_SIZE="9216", RAM_SIZE="0x4000", CORTEX_M_STACK_SIZE="8192", STACK_LIMIT="4096"
        )
        with pytest.raises(MpforgeError) as e:
            memory_map(ConfigView("testboard", {**view.values, "COMPILER": "y"}), "CORTEX_M")
        assert (
            "at most 8192 (which needs CONFIG_COMPILER off: with it the heap is at least 9216"
            in (e.value.message)
        )
        with pytest.raises(MpforgeError) as e:
            memory_map(view, "CORTEX_M")
        assert e.value.message.endswith("lower CONFIG_HEAP_SIZE to at most 8192")
        view = _view(
            HEAP_SIZE="32768", RAM_SIZE="0x8000", CORTEX_M_STACK_SIZE="6144", STACK_LIMIT="4096"
        )
        with pytest.raises(MpforgeError) as e:
            memory_map(
                ConfigView("testboard", {**view.values, "PORT_HAS_FILESYSTEM": "y"}), "CORTEX_M"
            )
        assert "at most 26624 (which needs CONFIG_PORT_HAS_FILESYSTEM off" in e.value.message

    def test_heap_and_stack_must_fit_ram(self) -> None:
        with pytest.raises(MpforgeError, match="exceed the 131072 bytes of RAM .* by 4096 bytes"):
            memory_map(_view(HEAP_SIZE=str(131072 - 16384 + 4096)), "CORTEX_M")


class TestIntelHex:
    def test_round_trip_through_intelhex(self, tmp_path: Path) -> None:
        out = tmp_path / "fw.hex"
        ihex.write(elf.merged(SEGMENTS), out, start=0x08000101)
        back = IntelHex(str(out))
        assert back.tobinstr(start=0x08000000, size=20) == bytes(range(16)) + b"\xaa\xbb\xcc\xdd"
        assert back.start_addr == {"EIP": 0x08000101}
        lines = out.read_text().splitlines()
        assert ":0400000508000101ED" in lines  # start linear address (entry point)
        assert ":020000040800F2" in lines  # extended linear address 0x0800
        assert lines[-1] == ":00000001FF"

    @pytest.mark.skipif(shutil.which("arm-none-eabi-objcopy") is None, reason="no binutils")
    def test_objcopy_reads_it(self, tmp_path: Path) -> None:
        """An independent reader (GNU objcopy) gets the same bytes back."""
        out = tmp_path / "fw.hex"
        ihex.write(SEGMENTS, out)
        binary = tmp_path / "fw.bin"
        subprocess.run(
            ["arm-none-eabi-objcopy", "-I", "ihex", "-O", "binary", out, binary], check=True
        )
        assert binary.read_bytes() == bytes(range(16)) + b"\xaa\xbb\xcc\xdd"


class TestDfuse:
    def test_layout(self) -> None:
        data = dfuse.encode([elf.Segment(0x08000000, b"\x01\x02\x03\x04")])
        assert len(data) == 11 + 274 + 8 + 4 + 16
        sig, version, image_size, targets = struct.unpack_from("<5sBIB", data, 0)
        assert (sig, version, image_size, targets) == (b"DfuSe", 1, len(data) - 16, 1)
        tsig, alt, named, name, tsize, nelem = struct.unpack_from("<6sBI255sII", data, 11)
        assert (tsig, alt, named, tsize, nelem) == (b"Target", 0, 1, 12, 1)
        assert name.rstrip(b"\0") == b"Internal Flash"
        assert struct.unpack_from("<II4s", data, 285) == (0x08000000, 4, b"\x01\x02\x03\x04")
        device, product, vendor, bcd, ufd, length = struct.unpack_from(
            "<HHHH3sB", data, len(data) - 16
        )
        assert (product, vendor, bcd, ufd, length) == (0xDF11, 0x0483, 0x011A, b"UFD", 16)
        assert device == 0xFFFF

    def test_crc_is_dfu_crc32(self) -> None:
        data = dfuse.encode(SEGMENTS)
        (crc,) = struct.unpack_from("<I", data, len(data) - 4)
        assert crc == zlib.crc32(data[:-4]) ^ 0xFFFFFFFF

    def test_each_segment_is_an_element(self) -> None:
        data = dfuse.encode([elf.Segment(0x08000000, b"ab"), elf.Segment(0x08004000, b"cd")])
        assert struct.unpack_from("<II", data, 11 + 274 - 8)[1] == 2  # dwNbElements
        assert struct.unpack_from("<II2sII2s", data, 285) == (
            0x08000000,
            2,
            b"ab",
            0x08004000,
            2,
            b"cd",
        )


def _section(name: str, kind: int, flags: int, size: int) -> elf.Section:
    return elf.Section(name, kind, flags, 0, size)


TEXT = _section(".text", 1, elf.SHF_ALLOC | elf.SHF_EXECINSTR, 3000)
RODATA = _section(".rodata", 1, elf.SHF_ALLOC, 900)
DATA = _section(".data", 1, elf.SHF_ALLOC | elf.SHF_WRITE, 100)
BSS = _section(".bss", elf.SHT_NOBITS, elf.SHF_ALLOC | elf.SHF_WRITE, 2000)
DEBUG = _section(".debug_info", 1, 0, 99999)
FAKE = elf.Elf(
    segments=(),
    sections=(TEXT, RODATA, DATA, BSS, DEBUG),
    symbols=(
        elf.Symbol("mpf_vm_execute", 0, 1800, ".text"),
        elf.Symbol("qstr_pool", 0, 700, ".rodata"),
        elf.Symbol("small", 0, 4, ".text"),
        elf.Symbol("heap", 0, 1500, ".bss"),
    ),
)


class TestSize:
    def test_report_sums_like_berkeley_size(self) -> None:
        rep = report(FAKE, 8192, 4096)
        assert (rep.text, rep.data, rep.bss) == (3900, 100, 2000)
        assert (rep.flash_used, rep.ram_used) == (4000, 2100)
        assert rep.summary("b") == (
            "b: text 3900  data 100  bss 2000\n"
            "b: flash 4000 of 8192 bytes (48.8%)  RAM 2100 of 4096 bytes (51.3%)"
        )

    def test_fits(self) -> None:
        check_fits(FAKE, report(FAKE, 4000, 2100), "b")  # exactly full is fine

    def test_flash_overflow_names_overshoot_and_contributors(self) -> None:
        with pytest.raises(MpforgeError) as e:
            check_fits(FAKE, report(FAKE, 3000, 4096), "tiny")
        msg = e.value.message
        assert "board tiny: image larger than flash" in msg
        assert "needs 4000 bytes" in msg and "1000 bytes over" in msg
        assert msg.index("mpf_vm_execute 1800 (code)") < msg.index("qstr_pool 700 (const)")
        assert "heap" not in msg  # RAM symbols are not flash contributors

    def test_ram_overflow(self) -> None:
        with pytest.raises(MpforgeError, match=r"larger than RAM.*100 bytes over.*heap 1500"):
            check_fits(FAKE, SizeReport(3900, 100, 2000, 8192, 2000), "b")

    def test_ld_overflow_message(self) -> None:
        out = "ld: region `FLASH' overflowed by 2172 bytes\ncollect2: error"
        assert ld_overflow(out) == {"FLASH": 2172}
        assert ld_overflow("all fine") == {}


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny real ELF: code in flash, initialised data loaded after it, zeroed data."""
    if ARM_GCC is None:
        pytest.skip("arm-none-eabi-gcc is not installed")
    d = tmp_path_factory.mktemp("elf")
    (d / "t.c").write_text(
        "int counter = 0x11223344;\nint zeroed[8];\n"
        "const char table[5] = {1, 2, 3, 4, 5};\n"
        "int get(int i) { return table[i] + counter + zeroed[i]; }\n"
    )
    (d / "t.ld").write_text(
        "MEMORY { FLASH : ORIGIN = 0x08000000, LENGTH = 4K\n"
        "         RAM : ORIGIN = 0x20000000, LENGTH = 1K }\n"
        "SECTIONS { .text : { *(.text*) *(.rodata*) . = ALIGN(4); } > FLASH\n"
        "  .data : { *(.data*) } > RAM AT > FLASH\n"
        "  .bss : { *(.bss*) *(COMMON) } > RAM }\n"
    )
    out = d / "t.elf"
    subprocess.run(
        [
            ARM_GCC,
            "-mcpu=cortex-m4",
            "-mthumb",
            "-Os",
            "-nostdlib",
            "-Wl,-e,get",
            "-T",
            d / "t.ld",
            d / "t.c",
            "-o",
            out,
        ],
        check=True,
    )
    return out


class TestElfReader:
    def test_segments_are_the_flash_image(self, linked: Path) -> None:
        parsed = elf.read(linked)
        blocks = elf.merged(parsed.segments)
        assert len(blocks) == 1 and blocks[0].address == 0x08000000
        objcopy = subprocess.run(
            ["arm-none-eabi-objcopy", "-O", "binary", linked, "/dev/stdout"],
            capture_output=True,
            check=True,
        ).stdout
        assert blocks[0].data == objcopy
        assert blocks[0].data.endswith(struct.pack("<I", 0x11223344))  # .data's initial value

    def test_sections_and_symbols(self, linked: Path) -> None:
        parsed = elf.read(linked)
        names = {s.name: s for s in parsed.sections}
        assert names[".bss"].nobits and names[".bss"].size == 32
        symbols = {s.name: s for s in parsed.symbols}
        assert symbols["table"].size == 5 and symbols["table"].section == ".text"
        assert symbols["zeroed"].section == ".bss"
        assert symbols["get"].address % 2 == 0  # the Thumb bit is cleared

    def test_not_an_elf(self, tmp_path: Path) -> None:
        (tmp_path / "x").write_bytes(b"hello")
        with pytest.raises(MpforgeError, match="x: not an ELF file"):
            elf.read(tmp_path / "x")


class TestUf2:
    def test_blocks_follow_the_specification(self) -> None:
        # 300 bytes at 0x10000100: two 256-byte pages, the second partly covered.
        data = bytes(i & 0xFF for i in range(300))
        out = uf2.encode([elf.Segment(0x10000100, data)], uf2.FAMILIES["rp2040"])
        assert len(out) == 2 * 512
        for n in range(2):
            block = out[n * 512 : (n + 1) * 512]
            fields = struct.unpack_from("<8I", block)
            assert fields == (
                0x0A324655,
                0x9E5D5157,
                0x2000,
                0x10000100 + 256 * n,
                256,
                n,
                2,
                0xE48BFF56,
            )
            assert struct.unpack_from("<I", block, 508) == (0x0AB16F30,)
            assert block[32 + 256 : 508] == bytes(476 - 256)
        assert out[32 : 32 + 256] == data[:256]
        assert out[512 + 32 : 512 + 32 + 44] == data[256:]
        assert out[512 + 32 + 44 : 512 + 32 + 256] == bytes(256 - 44)

    def test_unaligned_data_lands_in_aligned_pages(self) -> None:
        out = uf2.encode([elf.Segment(0x2010, b"\x01\x02")], 0x68ED2B88)
        family, blocks = uf2.decode(out)
        assert family == 0x68ED2B88
        assert [b.address for b in blocks] == [0x2000]
        assert blocks[0].data[0x10:0x12] == b"\x01\x02" and blocks[0].data[:0x10] == bytes(16)

    def test_round_trip_and_raw_binary(self) -> None:
        payload = bytes(range(256)) * 3
        out = uf2.encode_binary(payload, 0x2000, 0xADA52840)
        family, blocks = uf2.decode(out)
        assert family == 0xADA52840
        assert b"".join(b.data for b in blocks) == payload
        assert [b.address for b in blocks] == [0x2000, 0x2100, 0x2200]

    def test_family_id_must_be_set(self) -> None:
        with pytest.raises(MpforgeError, match="CONFIG_UF2_FAMILY_ID"):
            uf2.encode(list(SEGMENTS), 0)


class TestFormats:
    def test_board_symbols_choose_the_formats(self) -> None:
        view = ConfigView("b", {"IMAGE_BIN": "y", "IMAGE_UF2": "y", "UF2_FAMILY_ID": "0xe48bff56"})
        chosen = formats_for(view)
        assert [f.name for f in chosen] == ["bin", "uf2"]
        assert chosen[1].params() == {"family_id": 0xE48BFF56}
        assert formats_for(ConfigView("b", {})) == []

    def test_bin_fills_gaps_with_zeros(self) -> None:
        segs = [elf.Segment(0x100, b"\xaa"), elf.Segment(0x104, b"\xbb")]
        assert BinImage().encode(segs) == b"\xaa\0\0\0\xbb"

    def test_esp_image_is_made_by_the_pinned_esptool(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """elf2image through `python -m esptool` (this venv's), then image-info must accept it."""
        calls: list[tuple[str, ...]] = []
        monkeypatch.setattr(esp, "esptool", lambda *args: calls.append(args) or "")
        monkeypatch.setattr(esp, "check_image", lambda chip, image: calls.append(("check", chip)))
        fmt = EspImage("esp32c3", "4MB")
        fmt.write(tmp_path / "f.elf", tmp_path / "f.esp.bin")
        assert esp.ESPTOOL[1:] == ("-m", "esptool")
        assert calls == [
            ("--chip", "esp32c3", "elf2image", "--flash-mode", "dio", "--flash-size", "4MB",
             "-o", str(tmp_path / "f.esp.bin"), str(tmp_path / "f.elf")),
            ("check", "esp32c3"),
        ]  # fmt: skip
        assert fmt.params() == {"chip": "esp32c3", "flash_size": "4MB"}
