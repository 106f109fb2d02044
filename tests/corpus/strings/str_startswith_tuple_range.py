s = "filename.tar.gz"
print(s.endswith((".gz", ".zip")), s.endswith(".tar", 0, 12), s.startswith("name", 4), s.startswith(("x", "y")))
print(s.find(".", 9), s.rfind(".", 0, 12), s.index("tar"), s.count(".", 9))
