module corpus.JavaMethodReturnValues

function main = |args| {
  let s = set[1]
  println(s: add(1))
  println(s: add(2))
  println(s: remove(99))
  println(s: remove(1))
  let m = map[["a", 1]]
  println(m: put("a", 2))
  println(m: put("b", 3))
  println(m: remove("zz"))
  println(m: remove("b"))
  println(m: delete("zz"))
  let l = list["x", "y"]
  println(l: set(0, "z"))
  println(l: add("w"))
  println(l)
}
