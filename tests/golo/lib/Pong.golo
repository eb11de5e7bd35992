module lib.Pong

import lib.Ping

function pong = |n| -> match {
  when n < 0 then "done"
  otherwise "pong " + n + " " + ping(n - 1)
}
