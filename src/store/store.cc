// Store::Open picks the back end from the URL; ContentHash.
#include <openssl/evp.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"
#include "sitrep/store.h"
#include "store/postgres_store.h"
#include "store/sqlite_schema.h"
#include "store/sqlite_store.h"

namespace sitrep {
namespace {

// Each field with its length before it, so that moving bytes from one
// field to the next changes the hash.
void AddField(EVP_MD_CTX* ctx, std::string_view field) {
  const uint64_t size = field.size();
  unsigned char prefix[8];
  for (int i = 0; i < 8; ++i)
    prefix[i] = static_cast<unsigned char>(size >> (8 * i));
  EVP_DigestUpdate(ctx, prefix, sizeof prefix);
  EVP_DigestUpdate(ctx, field.data(), field.size());
}

}  // namespace

std::string ContentHash(const Document& document) {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr);
  for (const std::string* field :
       {&document.text, &document.date, &document.source, &document.url,
        &document.title}) {
    AddField(ctx, *field);
  }
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_DigestFinal_ex(ctx, digest, &length);
  EVP_MD_CTX_free(ctx);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * length);
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 15];
  }
  return hex;
}

int CurrentSchemaVersion() { return store::SqliteMigrations().back().version; }

StatusOr<std::unique_ptr<Store>> Store::Open(const std::string& url) {
  constexpr std::string_view kSqlite = "sqlite:";
  if (url.starts_with(kSqlite)) {
    const std::string path = url.substr(kSqlite.size());
    if (path.empty()) {
      return Status(StatusCode::kInvalidArgument,
                    "store URL \"sqlite:\" names no file (sqlite:PATH)");
    }
    absl::StatusOr<std::unique_ptr<Store>> store = store::OpenSqliteStore(path);
    if (!store.ok()) return ToPublicStatus(store.status());
    return std::move(*store);
  }
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    absl::StatusOr<std::unique_ptr<Store>> store =
        store::OpenPostgresStore(url);
    if (!store.ok()) return ToPublicStatus(store.status());
    return std::move(*store);
  }
  return Status(StatusCode::kInvalidArgument,
                "unknown store URL \"" + url +
                    "\": sqlite:PATH or postgresql://USER@HOST:PORT/DB");
}

}  // namespace sitrep
