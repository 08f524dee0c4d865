#include "store/test_postgres.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "store/postgres_db.h"

namespace sitrep::store {
namespace {

// The newest installed server's programs (Debian: /usr/lib/postgresql/N).
std::string ServerBin() {
  std::string best;
  int best_version = 0;
  std::error_code error;
  for (const auto& entry :
       std::filesystem::directory_iterator("/usr/lib/postgresql", error)) {
    const int version = std::atoi(entry.path().filename().c_str());
    if (version > best_version &&
        std::filesystem::exists(entry.path() / "bin" / "pg_ctl")) {
      best_version = version;
      best = (entry.path() / "bin").string();
    }
  }
  return best;
}

int FreePort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t size = sizeof addr;
  int port = 0;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &size) == 0) {
    port = ntohs(addr.sin_port);
  }
  ::close(fd);
  return port;
}

class TestServer {
 public:
  TestServer() {
    const std::string bin = ServerBin();
    if (bin.empty()) {
      std::fprintf(stderr,
                   "test_postgres: no PostgreSQL server under "
                   "/usr/lib/postgresql (install postgresql: make deps)\n");
      return;
    }
    dir_ = (std::filesystem::temp_directory_path() /
            ("sitrep_pg_" + std::to_string(::getpid())))
               .string();
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    // initdb will not run as root: the server runs as postgres then.
    if (::geteuid() == 0) {
      const passwd* pg = ::getpwnam("postgres");
      if (pg == nullptr || ::chown(dir_.c_str(), pg->pw_uid, pg->pw_gid) != 0) {
        std::fprintf(stderr, "test_postgres: no postgres user to run as\n");
        return;
      }
      as_ = "runuser -u postgres -- ";
    }
    port_ = FreePort();
    const std::string data = dir_ + "/data";
    const std::string init = as_ + bin + "/initdb -D " + data +
                             " -U sitrep --auth=trust --no-locale -E UTF8 "
                             ">" +
                             dir_ + "/initdb.log 2>&1";
    if (std::system(init.c_str()) != 0) {
      std::fprintf(stderr, "test_postgres: initdb failed (%s/initdb.log)\n",
                   dir_.c_str());
      return;
    }
    const std::string start =
        as_ + bin + "/pg_ctl -D " + data + " -l " + dir_ +
        "/server.log -w -o \"-c listen_addresses=127.0.0.1 -p " +
        std::to_string(port_) + " -k " + dir_ +
        " -c fsync=off -c full_page_writes=off\" start >/dev/null 2>&1";
    if (std::system(start.c_str()) != 0) {
      std::fprintf(stderr, "test_postgres: the server did not start (%s)\n",
                   (dir_ + "/server.log").c_str());
      return;
    }
    stop_ =
        as_ + bin + "/pg_ctl -D " + data + " -m immediate stop >/dev/null 2>&1";
    // PostGIS in the template: each new database has it at once (creating
    // it takes about a second).
    auto template1 = PgConnection::Open("postgresql://sitrep@127.0.0.1:" +
                                        std::to_string(port_) + "/template1");
    if (template1.ok()) {
      (*template1)
          ->Execute("CREATE EXTENSION IF NOT EXISTS postgis")
          .IgnoreError();
    }
  }

  ~TestServer() {
    if (!stop_.empty()) std::system(stop_.c_str());
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }

  std::string NewDatabase() {
    if (stop_.empty()) return "";
    const std::string base =
        "postgresql://sitrep@127.0.0.1:" + std::to_string(port_) + "/";
    auto admin = PgConnection::Open(base + "postgres");
    if (!admin.ok()) {
      std::fprintf(stderr, "test_postgres: %s\n",
                   std::string(admin.status().message()).c_str());
      return "";
    }
    const std::string name = "test_" + std::to_string(++databases_);
    if (!(*admin)->Execute("CREATE DATABASE " + name).ok()) return "";
    return base + name;
  }

 private:
  std::string dir_;
  std::string as_;
  std::string stop_;
  int port_ = 0;
  int databases_ = 0;
};

}  // namespace

std::string NewTestDatabase() {
  static TestServer server;  // stopped when the program exits
  return server.NewDatabase();
}

}  // namespace sitrep::store
