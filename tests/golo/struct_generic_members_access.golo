module corpus.StructGenericMembersAccess

struct Point = { x, y }

function main = |args| {
  let p = Point(1, 2)
  println(p: members())
  println(p: values())
  println(p: get("y"))
  println(p: set("y", 7) is p)
  println(p)
}
