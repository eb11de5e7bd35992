module corpus.StructPrivateMemberInAugmentation

struct Secret = { name, _code }

augment Secret {
  function reveal = |this| -> this: name() + ":" + this: _code()
}

function main = |args| {
  let s = Secret("door", 42)
  println(s)
  println(s: reveal())
  println(s: members())
}
