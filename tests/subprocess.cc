#include "subprocess.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string_view>

extern char** environ;

namespace sitrep::e2e {
namespace {

std::string TempPath(const char* tag) {
  static int counter = 0;
  return "/tmp/sitrep_e2e_" + std::to_string(::getpid()) + "_" +
         std::to_string(counter++) + "_" + tag;
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

std::string SitrepBinary() { return SITREP_CLI_PATH; }

std::vector<nlohmann::json> ParseJsonLines(const std::string& out) {
  std::vector<nlohmann::json> lines;
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line)) lines.push_back(nlohmann::json::parse(line));
  return lines;
}

RunResult RunCommand(const std::vector<std::string>& argv,
                     const std::string& input) {
  const std::string in_path = TempPath("in");
  const std::string out_path = TempPath("out");
  const std::string err_path = TempPath("err");
  std::ofstream(in_path, std::ios::binary) << input;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, in_path.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  std::vector<char*> args;
  for (const std::string& a : argv)
    args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  // Under AddressSanitizer, a small quarantine keeps the child's peak
  // memory close to what the program itself holds (the tests bound it).
  std::vector<char*> env;
  bool has_asan_options = false;
  for (char** e = environ; *e != nullptr; ++e) {
    env.push_back(*e);
    has_asan_options =
        has_asan_options || std::string_view(*e).starts_with("ASAN_OPTIONS=");
  }
  static char kAsanOptions[] = "ASAN_OPTIONS=quarantine_size_mb=4";
  if (!has_asan_options) env.push_back(kAsanOptions);
  env.push_back(nullptr);
  RunResult result;
  pid_t pid;
  if (posix_spawn(&pid, args[0], &actions, nullptr, args.data(), env.data()) ==
      0) {
    int status = 0;
    struct rusage usage {};
    wait4(pid, &status, 0, &usage);
    if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
    result.max_rss_kb = usage.ru_maxrss;
  }
  posix_spawn_file_actions_destroy(&actions);
  result.out = Slurp(out_path);
  result.err = Slurp(err_path);
  std::remove(in_path.c_str());
  std::remove(out_path.c_str());
  std::remove(err_path.c_str());
  return result;
}

}  // namespace sitrep::e2e
