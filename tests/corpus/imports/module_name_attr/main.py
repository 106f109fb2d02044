import mod
print(mod.__name__, __name__)
print(mod.run_if_main())
