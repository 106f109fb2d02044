from ..util import tool
from .. import util as u
ENGINE = "v8"
def describe():
    return "engine uses " + tool() + " " + str(u.tool is tool) + " in " + __name__
