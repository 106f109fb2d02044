NAME = "helper"
from . import part
