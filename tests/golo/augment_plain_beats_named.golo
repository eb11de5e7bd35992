module corpus.AugmentPlainBeatsNamed

struct Box = { content }

augmentation Named = {
  function who = |this| -> "named"
  function onlyNamed = |this| -> "only in named"
}

augment Box with Named

augment Box {
  function who = |this| -> "plain"
}

function main = |args| {
  println(Box(1): who())
  println(Box(1): onlyNamed())
}
