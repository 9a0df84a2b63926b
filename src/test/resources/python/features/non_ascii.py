# -*- coding: utf-8 -*-
café = "crème brûlée"
naïve = café + "中文字符"
π = 3.14159
名前 = "値"
emoji = "😀 grinning" + "👍🏽"
Ω = [π, 名前, emoji]
print(café, naïve, π, 名前, emoji, Ω)
mixed = {"ключ": "значение", "κλειδί": 名前}
f_string = f"{café} – {名前!r} — {π:.2f} 😀 {emoji}"
bytes_escape = b"\xe9\xff"
combining = "é"
ﬁ = 1
ℌ = 2
def función(parámetro, *, 引数=π):
    return parámetro, 引数
class Ünïcödé:
    атрибут = "значение"
x = Ünïcödé().атрибут; y = 名前; z = "😀"; w = 中 = 1
