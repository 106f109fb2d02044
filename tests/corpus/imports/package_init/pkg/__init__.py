print("pkg __init__ runs")
INIT_VALUE = "from __init__"
