# Dict- and str-heavy: split text into words, count them, report the most common.
TEXT = (
    """
the quick brown fox jumps over the lazy dog while the small red hen
watches the quick fox and the lazy dog sleeps under the old oak tree
a bird sings in the tree and the dog wakes up to chase the brown fox
"""
    * 40
)


def count_words(text):
    counts = {}
    for line in text.split("\n"):
        for word in line.strip().split(" "):
            if word:
                word = word.lower()
                counts[word] = counts.get(word, 0) + 1
    return counts


counts = count_words(TEXT)
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print(len(counts), top)
print("-".join(w.upper() for w, _ in top))
