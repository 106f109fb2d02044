class Plugin:
    registry = {}
    @classmethod
    def register(cls, sub):
        cls.registry[sub.__name__] = sub
        return sub
@Plugin.register
class Alpha(Plugin):
    pass
@Plugin.register
class Beta(Plugin):
    def run(self):
        return "beta runs"
print(sorted(Plugin.registry), Plugin.registry["Beta"]().run(), Alpha.registry is Plugin.registry)
