# re throughput: compile once, then search/findall/sub over log lines, 50 passes.
import re

LINES = [
    f"2026-11-24 00:{i % 60:02d}:{i * 7 % 60:02d} INFO sensor={i % 9}"
    + f" value={20 + i % 13}.{i % 10} unit=C"
    for i in range(40)
]
PAT = re.compile(r"(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d) (\w+) sensor=(\d+) value=([\d.]+)")
NUM = re.compile(r"\d+")

total = 0
for _ in range(50):
    for line in LINES:
        m = PAT.search(line)
        total += int(m.group(8)) + len(m.group(9))
        total += len(NUM.findall(line))
    total += len(re.sub(r"\s+", " ", LINES[0]))
print(total)
