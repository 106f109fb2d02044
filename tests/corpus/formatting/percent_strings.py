# requires: STR_FORMAT
print("[%s] [%10s] [%-10s] [%.3s] [%10.2s] [%-6.4s]" % (("formatted",) * 6))
print("%s %s" % ("a", "b"), "%r" % "quote's", "%a" % "x" if False else "%s" % "x")
print("%s" % None, "%s" % [1, "2"], "%s" % {"k": 1}, "%s" % (("tuple",),))
print("100%%", "%% %s %%" % "mid", "%s%%" % 5)
