module corpus.MultilineStrings

function main = |args| {
  println("""line1
  line2 \n""")
  println("""a\"b""")
  println("[" + """""" + "]")
  let s = """x
y"""
  println(s: length())
  println("""tab\there "quoted" """)
}
