module corpus.CurrentDirIsTheScripts

function main = |args| {
  println(currentDir(): endsWith("golo"))
  println(fileExists("current_dir_is_the_scripts.golo"))
}
