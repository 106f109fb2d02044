handled = (ZeroDivisionError, KeyError)
for f in (lambda: 1 // 0, lambda: {}["k"], lambda: [][0]):
    try:
        f()
    except handled as e:
        print("handled", type(e).__name__)
    except Exception as e:
        print("other", type(e).__name__)
