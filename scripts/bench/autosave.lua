-- Each request saves one answer of one customer's draft, as the form's script does on every click.
function init(args)
  tokens = {}
  for line in io.lines(args[1]) do if line ~= "" then table.insert(tokens, line) end end
  n = 0
  answers = {"never", "rarely", "sometimes", "often", "always"}
end

function request()
  n = n + 1
  local token = tokens[(n % #tokens) + 1]
  return wrk.format("POST", "/r/" .. token .. "/autosave", {["Content-Type"] = "application/x-www-form-urlencoded"},
    "name=q%3AOM.1-a&value=" .. answers[(n % 5) + 1])
end
