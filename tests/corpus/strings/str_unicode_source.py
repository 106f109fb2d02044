# requires: STR_UNICODE
greeting = "Grüße aus Köln – 東京 ✓"
print(greeting)
print(len(greeting), greeting[4], greeting[-1], greeting[16:18])
print(greeting.split(), greeting.replace("ö", "oe"))
print(sorted("éaüb"), "ß" < "é", max("日本語"))
print("ñ".encode(), bytes("€", "utf-8"), b"\xe2\x82\xac".decode())
