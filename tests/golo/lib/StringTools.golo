module lib.StringTools

augment java.lang.String {

  function reversedText = |this| {
    var out = ""
    foreach i in range(0, this: length()) {
      out = this: charAt(i) + out
    }
    return out
  }

  function surround = |this, s| -> s + this + s
}
