module corpus.MiscSleepAndUuid

function main = |args| {
  sleep(5)
  let id = str(uuid())
  println(id: length())
  println(id == str(uuid()))
}
