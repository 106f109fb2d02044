def safe_get(container, key):
    try:
        return container[key]
    except LookupError as e:
        return "missing(" + type(e).__name__ + ")"
print(safe_get([1], 0), safe_get([1], 5), safe_get({"a": 1}, "b"), safe_get("s", 3), safe_get((0,), -1))
