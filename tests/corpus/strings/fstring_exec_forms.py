# requires: COMPILER STR_UNICODE
# f-strings compiled from source by eval: prefixes (raw, any case), joining with plain
# literals, escapes in the text and the format spec, braces written after a backslash or
# made by an escape, nested specs, the = form, and the errors.
x = 10
y = "hi"
cases = [
    "f'h' f'i'",
    "f'h' 'i'",
    "'h' f'i'",
    "f'{x:^4}'",
    "'a' 'b' f'{x}' '{c}' f'str<{y:^4}>' 'd' 'e'",
    "rf'hello{x}'",
    "fr'a\\n{y}'",
    "Rf'{x}'",
    "fR'{x}' F'{y}'",
    "f'{x!r}' f'{y!s:>4}' '{}' '{{'",
    "f'\\x41{x}\\t{y:\\x3e5}'",
    "f'\\x7b' f'\\173{x}\\x7d' f'\\u007b\\U0000007d'",
    "fr'a\\{x}b' f'\\{y}' fr'\\{{x}}' fr'{y}\\{x!r:>3}'",
    "f'\\\\{x}' rf'(\\\\{y})'",
    "f'''{x}\n\\\n{y}'''",
    "f'{x:{y!r:.1}>{x}}' f'{x!r:{y!s:.1}^{x}}' f'{y!a}' f'{\"é\"!a:>{x}}'",
    "f'{ x = }' f'{y=!r:>6}' f'{x*2=}'",
    "f'{x if x else y}' f'{[i for i in (1, 2)]}' f'{ {1: 2}[1] }'",
    "f'{x:#x}{x:08.3f}{x:,}'",
    "f'{'",
    "f'}'",
    "f'{}'",
    "f'{x!}'",
    "f'{x'",
    "f'{)}'",
    "f'{x!z}'",
    "f'{x!r }'",
    "f'{x:}}'",
]
for src in cases:
    try:
        print(src, "->", repr(eval(src)))
    except SyntaxError:
        print(src, "-> SyntaxError")
