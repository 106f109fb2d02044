from . import util
from .core import engine
from .core.engine import describe
def run():
    return "run: " + util.tool() + " / " + engine.ENGINE + " / " + describe()
