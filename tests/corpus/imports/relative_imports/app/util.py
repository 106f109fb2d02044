def tool():
    return "util.tool"
