out = []
for i in range(6):
    try:
        if i == 1:
            continue
        if i == 4:
            break
        out.append(i)
    except Exception:
        out.append("never")
    else:
        out.append("else" + str(i))
    finally:
        out.append("fin" + str(i))
print(out)
