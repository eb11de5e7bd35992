module corpus.AugmentVarargsMethod

augment java.lang.String {
  function joinAll = |this, parts...| {
    var text = ""
    foreach p in parts {
      if text: isEmpty() {
        text = p
      } else {
        text = text + this + p
      }
    }
    return text
  }
}

function main = |args| {
  println(", ": joinAll("a", "b", "c"))
  println("-": joinAll())
  println("+": joinAll(1))
}
