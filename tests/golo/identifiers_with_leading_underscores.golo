module corpus.IdentifiersWithLeadingUnderscores

let _rt = "module _rt"

function _ctx = |x| -> x + 1

function main = |args| {
  let _e = "e"
  let _v = 2
  let __name__ = "n"
  println(_rt)
  println(_ctx(_v))
  println(_e + __name__)
  println(list[1, 2]: map(|_x| -> _x * _v))
}
