"""Unit tests of the GENERATE stage's two generators: the qstr pool (mpforge/qstr.py)
and the builtin-module table (mpforge/modtable.py)."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from mpforge import modtable, qstr
from mpforge.errors import MpforgeError
from mpforge.generated import Generated


def _packed_block(header: str) -> bytes:
    """The pool's block of bytes (py/qstr.c qstr_static_bytes) from a rendered qstrdefs.h."""
    m = re.search(r"^#define MPF_QSTRID_PACKED_BYTES \\\n((?:    .*\n)+)", header, re.M)
    assert m is not None
    body = "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(1)))
    return re.sub(rb"\\([0-7]{3})", lambda e: bytes([int(e.group(1), 8)]), body.encode("latin-1"))


class TestQstr:
    def test_hash_is_the_djb2_xor_variant_truncated(self) -> None:
        assert qstr.qstr_hash(b"") == 5381  # the seed, in 16 bits
        # ((5381 * 33) ^ ord("a")) & 0xFFFF
        assert qstr.qstr_hash(b"a") == ((5381 * 33) ^ 0x61) & 0xFFFF
        assert qstr.qstr_hash(b"a", bytes_in_hash=1) == ((5381 * 33) ^ 0x61) & 0xFF
        # never 0: search a one-byte hash of 0 and check it is reported as 1
        zero = next(
            bytes([a, b])
            for a in range(256)
            for b in range(256)
            if ((((5381 * 33) ^ a) * 33) ^ b) & 0xFF == 0
        )
        assert qstr.qstr_hash(zero, bytes_in_hash=1) == 1

    @pytest.mark.parametrize(
        ("data", "macro"),
        [
            (b"__name__", "MPF_QSTR___name__"),
            (b"<module>", "MPF_QSTRE__3cmodule_3e"),
            (b"utf-8", "MPF_QSTRE_utf_2d8"),
            (b"", "MPF_QSTRE_"),
            (b"\xc3\xa9t\xc3\xa9", "MPF_QSTRE__c3_a9t_c3_a9"),
        ],
    )
    def test_macro_names_round_trip(self, data: bytes, macro: str) -> None:
        assert qstr.macro_name(data) == macro
        assert qstr.scan([f"x = {macro};".encode()]) == {data}

    def test_bad_escape_is_an_error(self) -> None:
        with pytest.raises(MpforgeError, match="two lowercase hex digits"):
            qstr.decode_escaped("a_4G")
        with pytest.raises(MpforgeError):
            qstr.decode_escaped("a_4")

    @pytest.mark.parametrize("body", ["a_4G", "a_4", "_", "x_ZZ"])
    def test_a_bad_escape_in_a_source_names_the_file(self, tmp_path: Path, body: str) -> None:
        good, bad = tmp_path / "a.c", tmp_path / "b.c"
        good.write_text("MPF_QSTR_alpha\n")
        bad.write_text(f"int x = MPF_QSTRE_{body};\n")
        with pytest.raises(MpforgeError, match=f"^{re.escape(str(bad))}: bad qstr escape"):
            qstr.generate([good, bad], tmp_path / "qstrdefs.h")

    def test_scan_ignores_other_macros(self) -> None:
        text = b"MPF_QSTRID_ABI_IDS MYMPF_QSTR_x MPF_QSTR_open(MPF_QSTR_len)"
        assert qstr.scan([text]) == {b"open", b"len"}

    def test_the_abi_strings_are_pooled_only_for_code_that_maps_them(self) -> None:
        # py/qstr.c uses MPF_QSTRID_ABI_IDS only with the .mpy loader (in code, not comments)
        assert qstr.uses_abi([b"x", b"{MPF_QSTRID_ABI_IDS}"])
        assert not qstr.uses_abi([b"// MPF_QSTRID_ABI_IDS", b"MPF_QSTRID_ABI_IDSX"])
        used = {b"zz", b"b", b"aa", b"__name__"}
        plain = qstr.render(used)
        assert "MPF_QSTRID_ABI" not in plain
        names = re.findall(r"^QDEF\((\w+),", plain, re.M)
        # one part, by length then bytes
        assert names == ["MPF_QSTR_b", "MPF_QSTR_aa", "MPF_QSTR_zz", "MPF_QSTR___name__"]
        text = qstr.render(used, abi=True)
        strings = qstr.pool(used, abi=True)
        assert len(strings) == len(set(strings)) == len(qstr.STATIC_QSTRS) + 3
        # by length then bytes, but a length's dunder names first where they share "__"
        shared = qstr.shared_counts(strings)
        for n in range(len(shared)):
            group = [s for s in strings if len(s) == n]
            dunders = [s for s in group if qstr.is_dunder(s)] if shared[n] else []
            assert group == sorted(dunders) + sorted(set(group) - set(dunders)), n
        assert shared[8] == 8  # the ABI's nine: __call__, __exit__... __repr__
        m = re.search(r"^#define MPF_QSTRID_ABI_IDS (.*)$", text, re.M)
        assert m is not None and "#define MPF_QSTRID_ABI_COUNT 165" in text
        ids = [int(x) for x in m.group(1).split(", ")]
        # the ABI's static qstr i (from 1) is the pool's id ids[i - 1]
        assert [strings[q - 1] for q in ids] == [s.encode() for s in qstr.STATIC_QSTRS]

    def test_offsets_locate_each_string_in_the_one_block_of_bytes(self) -> None:
        used = {b"zz", b"b", b"caf\xc3\xa9"}
        text = qstr.render(used, abi=True)
        lines = re.findall(r"^QDEF\(\w+, \d+, (\d+), (\d+), ", text, re.M)
        block = _packed_block(text)
        strings = qstr.pool(used, abi=True)
        # no NUL terminators: the strings one after the other, a dunder name after one of
        # its length without the "__" that one ends with
        shared = qstr.shared_counts(strings)
        assert len(block) == sum(map(len, strings)) - 2 * sum(shared) and b"\0" not in block
        assert b"__call__exit__hash__init__iter__main__name__next__repr__" in block
        for data, (length, offset) in zip(strings, lines, strict=True):
            start = int(offset)
            assert (int(length), block[start : start + len(data)]) == (len(data), data)
        # by length then bytes ("" first, no bytes)
        assert block.startswith(b"\n */_b")
        assert block.endswith(b"KeyboardInterruptZeroDivisionErrorNotImplementedError")

    @pytest.mark.parametrize("abi", [False, True])
    def test_packed_pool_places_each_string_by_its_length(self, abi: bool) -> None:
        # py/qstr.c static_data without CONFIG_QSTR_POOL_LENGTHS: no offset or length per id; a
        # string is found from its length's first id and offset
        used = {b"zz", b"b", b"aa", b"caf\xc3\xa9", b"__name__", b"x" * 30}
        text = qstr.render(used, abi)

        def table(name: str) -> list[int]:
            m = re.search(rf"^#define {name} (.*)$", text, re.M)
            assert m is not None, name
            return [int(x) for x in m.group(1).split(", ")]

        block = _packed_block(text)
        by_len, off_by_len = table("MPF_QSTRID_BY_LEN"), table("MPF_QSTRID_OFF_BY_LEN")
        shared = table("MPF_QSTRID_SHARED")
        assert shared == qstr.shared_counts(qstr.pool(used, abi)) and len(shared) == 31
        assert len(by_len) == len(off_by_len) == 32 and by_len[-1] == len(qstr.pool(used, abi)) + 1
        assert "#define MPF_QSTRID_BY_LEN_T uint8_t" in text  # fewer than 256 ids
        for q, data in enumerate(qstr.pool(used, abi), start=1):
            n = max(i for i in range(len(by_len) - 1) if by_len[i] <= q)
            k = q - by_len[n]
            start = off_by_len[n] + k * n - 2 * min(k, shared[n])  # py/qstr.c in_length
            assert block[start : start + n] == data, (q, data)
        # id 0 reads as no bytes at the block's start
        assert off_by_len[0] == 0 and by_len[0] == 1
        # without the length bytes only each length's count is kept: the starts are its sums
        counts = table("MPF_QSTRID_LEN_COUNTS")
        assert len(counts) == 31 and "#define MPF_QSTRID_LEN_COUNT_T uint8_t" in text
        for n in range(len(counts)):
            assert by_len[n] == 1 + sum(counts[:n]), n
            assert off_by_len[n] == sum(c * k - 2 * shared[k] for k, c in enumerate(counts[:n])), n

    def test_dunder_names_share_their_underscores_and_are_found(self) -> None:
        # py/qstr.c find_static without CONFIG_QSTR_POOL_HASH: a binary search among a
        # length's dunder names (a string starting with "__") or among the others
        used = {b"__add__", b"__abs__", b"__all__", b"ABCDEFG", b"abcdefg", b"_abcdef", b"__lt__"}
        used |= {b"__cd__", b"__ef__", b"__a__", b"__b__", b"__ab_", b"zzzzz"}  # "__ab_": no dunder
        strings = qstr.pool(used)
        shared = qstr.shared_counts(strings)
        assert shared[7] == 2 and shared[6] == 2 and shared[5] == 0
        assert strings[strings.index(b"__abs__") :][:4] == [
            b"__abs__",
            b"__add__",
            b"__all__",
            b"ABCDEFG",
        ]
        text = qstr.render(used)
        block = _packed_block(text)
        assert b"__abs__add__all__ABCDEFG" in block
        by_len = qstr.length_starts([len(s) for s in strings], 1)
        off = {
            n: sum(len(s) for s in strings if len(s) < n) - 2 * sum(shared[:n])
            for n in range(len(by_len))
        }

        def find(key: bytes) -> int:
            n = len(key)
            if n >= len(by_len) - 1:
                return 0
            lo, hi, e = 0, by_len[n + 1] - by_len[n], shared[n]
            if e:
                if key.startswith(b"__"):
                    hi = e + 1
                else:
                    lo = e + 1
            while lo < hi:
                mid = (lo + hi) // 2
                at = off[n] + mid * n - 2 * min(mid, e)
                entry = block[at : at + n]
                if entry == key:
                    return by_len[n] + mid
                lo, hi = (mid + 1, hi) if entry < key else (lo, mid)
            return 0

        for q, data in enumerate(strings, start=1):
            assert find(data) == q, data
        for absent in (b"__aaa__", b"__abc_", b"__zz__", b"Abcdefg", b"__ac__", b"_bcdefg", b"xx"):
            assert find(absent) == 0, absent

    def test_hash_index_lists_every_id_once_in_its_bucket(self) -> None:
        # py/qstr.c find_static with CONFIG_QSTR_POOL_HASH: a string's id is among those of
        # bucket hash & (buckets - 1), and a string of no id is in none
        used = {bytes([97 + i % 26]) * (1 + i // 26) for i in range(300)}
        text = qstr.render(used)

        def table(name: str) -> list[int]:
            m = re.search(rf"^#define {name} (.*)$", text, re.M)
            assert m is not None, name
            return [int(x) for x in m.group(1).split(", ")]

        buckets = table("MPF_QSTRID_HASH_BUCKETS")[0]
        starts, ids = table("MPF_QSTRID_HASH_STARTS"), table("MPF_QSTRID_HASH_IDS")
        strings = qstr.pool(used)
        assert buckets & (buckets - 1) == 0 and buckets * 4 >= len(strings) > buckets * 2
        assert len(starts) == buckets + 1 and starts[0] == 0 and starts[-1] == len(ids)
        assert sorted(ids) == list(range(1, len(strings) + 1))
        for b in range(buckets):
            for q in ids[starts[b] : starts[b + 1]]:
                assert qstr.qstr_hash(strings[q - 1]) & (buckets - 1) == b

    def test_frozen_order_is_by_hash_then_length_then_bytes(self) -> None:
        # py/qstr.c find_frozen compares the hashes first
        names = [b"ab", b"b", b"abc", b"zz", b"x" * 40]
        ordered = sorted(names, key=qstr.frozen_order)
        keys = [(qstr.qstr_hash(s), len(s), s) for s in ordered]
        assert keys == sorted(keys)

    def test_a_pool_past_16_bit_offsets_is_refused(self) -> None:
        with pytest.raises(MpforgeError, match="max 65536"):
            qstr.render({bytes([65 + i % 26]) * 200 + str(i).encode() for i in range(400)})

    def test_length_starts(self) -> None:
        assert qstr.length_starts([1, 1, 3], 10) == [10, 10, 12, 12, 13]
        assert qstr.length_starts([], 5) == [5, 5]

    def test_a_qstr_longer_than_255_bytes_is_refused(self) -> None:
        with pytest.raises(MpforgeError, match="max 255"):
            qstr.render({b"x" * 256})

    def test_generate_rewrites_only_a_changed_pool(self, tmp_path: Path) -> None:
        src = tmp_path / "a.c"
        src.write_text("MPF_QSTR_alpha\n")
        out = tmp_path / "gen" / "qstrdefs.h"
        qstr.generate([src], out)
        assert "QDEF(MPF_QSTR_alpha," in out.read_text()
        os.utime(out, (1, 1))
        qstr.generate([src], out)
        assert out.stat().st_mtime == 1  # unchanged: not rewritten (no rebuild)
        src.write_text("MPF_QSTR_beta\n")
        qstr.generate([src], out)
        assert "MPF_QSTR_beta" in out.read_text() and "MPF_QSTR_alpha" not in out.read_text()

    def test_generate_scans_the_text_text_of_gives(self, tmp_path: Path) -> None:
        # the build hands the preprocessor's output (site_tools/mpf_generate.py): what an
        # #if leaves out is not in it, so it is not pooled
        src = tmp_path / "a.c"
        src.write_text("#if 0\nMPF_QSTR_gone\n#endif\nMPF_QSTR_kept\n")
        out = tmp_path / "qstrdefs.h"
        qstr.generate([src], out, text_of=lambda p: b"MPF_QSTR_kept\n")
        assert "MPF_QSTR_kept" in out.read_text() and "MPF_QSTR_gone" not in out.read_text()


class TestModuleTable:
    def test_generate_lists_registrations_sorted(self, tmp_path: Path) -> None:
        (tmp_path / "mod_b.c").write_text(
            "MPF_REGISTER_MODULE(MPF_QSTR_json, mpf_module_json);\n"
            "  MPF_REGISTER_MODULE(MPF_QSTR_indented, x);  // not at line start: ignored\n"
        )
        (tmp_path / "mod_a.c").write_text(
            "MPF_REGISTER_MODULE(MPF_QSTRE_u_5fthread, mpf_module_thread);\n"
            "MPF_REGISTER_MODULE(MPF_QSTR_array, mpf_module_array);\n"
        )
        out = tmp_path / "gen" / "moduletable.h"
        modtable.generate([tmp_path / "mod_b.c", tmp_path / "mod_a.c"], out)
        lines = [ln for ln in out.read_text().splitlines() if ln.startswith("MPF_MODULE(")]
        assert lines == [
            "MPF_MODULE(MPF_QSTRE_u_5fthread, mpf_module_thread)",
            "MPF_MODULE(MPF_QSTR_array, mpf_module_array)",
            "MPF_MODULE(MPF_QSTR_json, mpf_module_json)",
        ]
        data = tmp_path / "gen" / "modules.json"
        modtable.generate([tmp_path / "mod_b.c", tmp_path / "mod_a.c"], out, data)
        assert json.loads(data.read_text()) == {
            "modules": ["array", "json", "u_thread"],
            "members": {"array": None, "json": None, "u_thread": None},  # no table in the text
            "guards": {},
        }

    def test_duplicates_collapse_and_empty_table(self) -> None:
        text = modtable.render([("MPF_QSTR_os", "m"), ("MPF_QSTR_os", "m")])
        assert text.count("MPF_MODULE(MPF_QSTR_os, m)") == 1
        assert "MPF_MODULE(" not in modtable.render([]).split("\n", 2)[2]


class TestGeneratedData:
    """The GENERATE stage hands the pool and module names on as data (mpforge/generated.py)."""

    def test_the_pool_as_data_matches_the_header(self, tmp_path: Path) -> None:
        src = tmp_path / "a.c"
        # a plain name, an escaped one with a non-ASCII byte, and an ABI string
        src.write_text("MPF_QSTR_zebra MPF_QSTRE_caf_c3_a9 MPF_QSTRE__3cmodule_3e MPF_QSTR_print")
        gen = tmp_path / "gen"
        qstr.generate([src], gen / "qstrdefs.h", gen / "qstrpool.json")
        modtable.generate([], gen / "moduletable.h", gen / "modules.json")
        data = Generated.load(gen)
        header = (gen / "qstrdefs.h").read_text()
        assert len(data.core_pool) == header.count("\nQDEF(")
        # by length, then bytes
        assert data.core_pool == ("café".encode(), b"print", b"zebra", b"<module>")
        assert data.builtin_modules == frozenset()
        # with the .mpy loader, the ABI's strings too, each once
        src.write_text(src.read_text() + " MPF_QSTRID_ABI_IDS")
        qstr.generate([src], gen / "qstrdefs.h", gen / "qstrpool.json")
        data = Generated.load(gen)
        assert len(data.core_pool) == len(qstr.STATIC_QSTRS) + 2
        assert set(data.core_pool) >= {"café".encode(), b"zebra", b"print", b"<module>"}

    @pytest.mark.parametrize("content", [None, "", "{", '{"pool": 3}', '{"pool": [1]}', "[]"])
    def test_missing_or_damaged_data_is_an_error(self, tmp_path: Path, content: str | None) -> None:
        modtable.generate([], tmp_path / "moduletable.h", tmp_path / "modules.json")
        if content is not None:
            (tmp_path / "qstrpool.json").write_text(content)
        with pytest.raises(MpforgeError, match="qstrpool.json: .*--pristine"):
            Generated.load(tmp_path)


def test_scan_skips_comments_but_not_code_or_literals() -> None:
    text = (
        b"// MPF_QSTR_json only in a line comment\n"
        b"x = MPF_QSTR_used; /* MPF_QSTR_block\n MPF_QSTR_lines */\n"
        b"const char *u = \"http://x\"; int c = '/'; y = MPF_QSTR_after; // MPF_QSTR_tail\n"
        b"z = MPF_QSTRE_a_2eb;\n"
    )
    assert qstr.scan([text]) == {b"used", b"after", b"a.b"}
