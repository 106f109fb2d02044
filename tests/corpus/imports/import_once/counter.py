print("counter module body runs")
loads = 1
