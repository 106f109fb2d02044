import counter
counter.loads += 10
