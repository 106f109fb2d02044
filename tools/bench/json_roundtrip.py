# json throughput: dumps and loads of a ~1.6 KB sensor-log document, 100 times each.
import json

DOC = {
    "device": "node-17",
    "firmware": {"version": "1.4.2", "build": 20261124, "features": ["ota", "ble", "log"]},
    "readings": [
        {
            "t": 1700000000 + i * 60,
            "temp": 20 + i % 7,
            "rh": 40 + i % 11,
            "ok": i % 5 != 0,
            "tag": f"s{i}",
        }
        for i in range(24)
    ],
    "limits": {"temp": [-10, 60], "rh": [0, 100]},
    "note": 'field unit "A" \\ rack 3',
}

text = json.dumps(DOC)
total = 0
for _ in range(100):
    text = json.dumps(DOC)
    total += len(text)
for _ in range(100):
    doc = json.loads(text)
    total += len(doc["readings"])
print(len(text), total, doc == DOC)
