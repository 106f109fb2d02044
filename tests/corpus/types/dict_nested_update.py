config = {"db": {"host": "x", "port": 1}, "debug": False}
config["db"]["port"] = 5432
config.setdefault("cache", {})["size"] = 10
config["debug"] = not config["debug"]
print(config)
def deep_get(d, path, default=None):
    for key in path.split("."):
        if not isinstance(d, dict) or key not in d:
            return default
        d = d[key]
    return d
print(deep_get(config, "db.host"), deep_get(config, "cache.size"), deep_get(config, "a.b", "none"))
