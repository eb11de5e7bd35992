module corpus.IdentifiersEmojiAndSymbols

function main = |args| {
  let 🍕 = "pizza"
  let $a = 1
  let __Sa = 2
  let _S_a = 3
  let _p_a = 4
  println(🍕)
  println($a + __Sa + _S_a + _p_a)
  println(list[$a, __Sa, _S_a, _p_a])
}
