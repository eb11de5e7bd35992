module corpus.ClosuresCallChains

function makeAdder = |a| -> |b| -> a + b

function curry3 = |a| -> |b| -> |c| -> -> a + b + c

function main = |args| {
  println(makeAdder(1)(1))
  println(curry3(1)(2)(3)())
  println((|x| -> x + 1)(5))
  println(list[|x| -> x * 3]: get(0)(5))
  let adders = list[makeAdder(10), makeAdder(20)]
  println(adders: get(1)(1))
}
