s = "hello world"
print(s.title(), s.capitalize(), "HELLO".casefold() if hasattr(s, "casefold") else "hello")
print("ab12".isalnum(), "ab 12".isalnum())
print("Hello World".istitle(), "hello World".istitle())
print("a\tb\tc".expandtabs(4))
print("remove".removeprefix("re"), "filename.py".removesuffix(".py"), "x".removeprefix("y"))
