# requires: STR_FORMAT
s = "abcdefghij"
print("{:.0}|{:.3}|{:10.3}|{:>10.3}|{:^10.5}|".format(s, s, s, s, s))
print("%.0s|%.3s|%10.3s|%-10.3s|" % (s, s, s, s))
