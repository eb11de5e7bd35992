module corpus.StringCaseTrimReplace

function main = |args| {
  println("MiXeD": toUpperCase())
  println("MiXeD": toLowerCase())
  println("[" + "  padded \t": trim() + "]")
  println("a-b-c": replace("-", "+"))
  println("aaa": replace("a", "bb"))
  println("x.y": replace(".", "_"))
}
