# requires: STR_UNICODE STR_UNICODE_CASE STR_METHODS_MORE
# Case mapping and case tests beyond ASCII: Latin-1, Latin Extended-A and B, Latin Extended
# Additional, Greek and Cyrillic letters, the sharp s, dotted and dotless i, the final sigma.
words = [
    "ÀÉÎÕÜ àéîõü ÆØÞ æøþ ÿŸ",
    "Łódź Škoda Ğüneş Ærøskøbing",
    "straße STRASSE ß",
    "İstanbul ıi Iİ",
    "ΟΔΟΣ Σ ΑΣ ΒΣ. ΣΑ ςσΣ",
    "Αθήνα ΆΈΉΊΌΎΏ άέήίόύώ",
    "Привет Мир ЁЖИК ёжик Ѣѣ Ґґ Ӂӂ",
    "Ǎǎ Ǟǟ Ǹǹ Ȁȁ Ƀƀ Ɓɓ Ȣȣ",
    "Ḁḁ Ẁẁ Ạạ Ỹỹ",
    "µ ſ ª º ĸ",
    "mixed ASCII and Ωmega",
    "",
]
for w in words:
    print(w.upper(), "|", w.lower(), "|", w.swapcase())
    print(w.title(), "|", w.capitalize(), "|", w.casefold())
    print(w.isupper(), w.islower(), w.istitle(), w.upper().isupper(), w.lower().islower())
for c in "ÀàÉéΣσςΩωДдЁё":
    print(c, c.isupper(), c.islower(), c.isalpha(), c.upper(), c.lower())
# every letter of the runs with a one-letter other case both ways (not the letters that
# upper case to two or three, such as U+0149)
count = 0
for lo, hi in ((0xC0, 0x180), (0x391, 0x3CA), (0x400, 0x460), (0x1E00, 0x1E96)):
    for cp in range(lo, hi):
        ch = chr(cp)
        if ch.isupper() and ch.lower().upper() == ch:
            count += 1
        elif ch.islower() and ch.upper() != ch and len(ch.upper()) == 1 and ch.upper().lower() == ch:
            count += 1
print(count)
