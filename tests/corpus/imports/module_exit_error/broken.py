print("broken module runs")
VALUE = 1 // 0
