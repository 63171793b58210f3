//===- Support.cpp - Paths, atomic files, source text ---------------------===//
#include "Support.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace eagerlint::cli {

std::string normalizePath(llvm::StringRef Path, llvm::StringRef Base) {
  llvm::SmallString<256> Abs(Path);
  if (!llvm::sys::path::is_absolute(Abs)) {
    llvm::SmallString<256> Dir(Base);
    if (Dir.empty())
      llvm::sys::fs::current_path(Dir);
    llvm::sys::path::append(Dir, Abs);
    Abs = Dir;
  }
  llvm::SmallString<256> Real;
  if (!llvm::sys::fs::real_path(Abs, Real))
    return std::string(Real);
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  return std::string(Abs);
}

bool isUnder(llvm::StringRef Path, llvm::StringRef Root) {
  Root = Root.rtrim('/');
  return Path.starts_with(Root) &&
         (Path.size() == Root.size() || Path[Root.size()] == '/');
}

std::string relativeTo(llvm::StringRef Path, llvm::StringRef Root) {
  if (Root.empty() || !isUnder(Path, Root))
    return Path.str();
  llvm::StringRef Rel = Path.drop_front(Root.rtrim('/').size());
  Rel = Rel.ltrim('/');
  return Rel.empty() ? "." : Rel.str();
}

llvm::Error
writeFileAtomically(llvm::StringRef Path,
                    const std::function<void(llvm::raw_ostream &)> &Write) {
  llvm::Expected<llvm::sys::fs::TempFile> Temp =
      llvm::sys::fs::TempFile::create(Path + ".eagerlint-%%%%%%.tmp");
  if (!Temp)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "cannot write '%s': %s", Path.str().c_str(),
                                   llvm::toString(Temp.takeError()).c_str());
  std::string Failure;
  {
    llvm::raw_fd_ostream OS(Temp->FD, /*shouldClose=*/false);
    Write(OS);
    OS.flush();
    if (OS.has_error()) {
      Failure = OS.error().message();
      OS.clear_error();
    }
  }
  // Keep the permissions of a file being replaced (fix-its edit sources).
  llvm::sys::fs::file_status Old;
  if (!Failure.empty()) {
    llvm::consumeError(Temp->discard());
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "cannot write '%s': %s", Path.str().c_str(),
                                   Failure.c_str());
  }
  if (!llvm::sys::fs::status(Path, Old))
    (void)llvm::sys::fs::setPermissions(Temp->TmpName, Old.permissions());
  else
    (void)llvm::sys::fs::setPermissions(
        Temp->TmpName, llvm::sys::fs::perms(0666 & ~llvm::sys::fs::getUmask()));
  if (llvm::Error E = Temp->keep(Path)) {
    std::string Msg = llvm::toString(std::move(E));
    llvm::consumeError(Temp->discard());
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "cannot write '%s': %s", Path.str().c_str(),
                                   Msg.c_str());
  }
  return llvm::Error::success();
}

const llvm::MemoryBuffer *SourceCache::get(llvm::StringRef Path) {
  auto It = Buffers.find(Path);
  if (It != Buffers.end())
    return It->second.get();
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> B =
      llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                  /*RequiresNullTerminator=*/false);
  auto &Slot = Buffers[Path];
  if (B)
    Slot = std::move(*B);
  return Slot.get();
}

std::pair<unsigned, unsigned> SourceCache::lineColumn(llvm::StringRef Path,
                                                      unsigned Offset) {
  const llvm::MemoryBuffer *B = get(Path);
  if (!B || Offset > B->getBufferSize())
    return {0, 0};
  llvm::StringRef Before = B->getBuffer().take_front(Offset);
  unsigned Line = Before.count('\n') + 1;
  size_t LineStart = Before.rfind('\n');
  unsigned Column =
      LineStart == llvm::StringRef::npos ? Offset + 1 : Offset - LineStart;
  return {Line, Column};
}

unsigned SourceCache::codePointColumn(llvm::StringRef Path, unsigned Offset) {
  const llvm::MemoryBuffer *B = get(Path);
  if (!B || Offset > B->getBufferSize())
    return 0;
  llvm::StringRef Before = B->getBuffer().take_front(Offset);
  size_t LineStart = Before.rfind('\n');
  llvm::StringRef Prefix = LineStart == llvm::StringRef::npos
                               ? Before
                               : Before.drop_front(LineStart + 1);
  unsigned Column = 1;
  for (unsigned char C : Prefix)
    if ((C & 0xC0) != 0x80) // not a continuation byte
      ++Column;
  return Column;
}

llvm::StringRef SourceCache::lineText(llvm::StringRef Path, unsigned Offset) {
  const llvm::MemoryBuffer *B = get(Path);
  if (!B || Offset > B->getBufferSize())
    return {};
  llvm::StringRef Text = B->getBuffer();
  size_t Start = Text.take_front(Offset).rfind('\n');
  Start = Start == llvm::StringRef::npos ? 0 : Start + 1;
  size_t End = Text.find('\n', Offset);
  llvm::StringRef Line = Text.slice(Start, End);
  return Line.rtrim('\r');
}

} // namespace eagerlint::cli
