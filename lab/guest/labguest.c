/*
 * The lab's guest program (lab/README in docs/lab.md): run by the initramfs's /init under QEMU.
 * It prints every fact the host needs on the serial console as "@..." lines: QEMU writes each
 * serial byte with its own writev(1, ...), so the host's strace timestamps them against QEMU's
 * own calls on the image.
 *
 * Kernel command line: lab.task=writes|kill lab.barrier=0|1 lab.n=N
 *   writes: mount /dev/vda (ext4, made on the host) with barrier=N and, for each write kind,
 *           overwrite N preallocated 4 KiB blocks of its own file, timing every call.
 *   kill:   write known patterns to /dev/vda (raw image) and /dev/vdb (qcow2 image), then report
 *           "@r ..." after each call; the host SIGKILLs QEMU on the last one.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#ifndef MS_LAZYTIME
#define MS_LAZYTIME (1 << 25)
#endif

#define BLOCK 4096

static void die(const char *what) {
  printf("@error %s: %m\n", what);
  fflush(stdout);
  tcdrain(1);
  reboot(RB_POWER_OFF);
  _exit(1);
}

/* Prints one marker line and waits until the serial port has sent it, so that the host sees the
 * line before anything the next call makes QEMU do. */
static void mark(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void mark(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vprintf(fmt, ap);
  va_end(ap);
  fflush(stdout);
  tcdrain(1);
}

static long long now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static const char *cmdline_value(const char *cmdline, const char *key) {
  static char value[64];
  const char *at = strstr(cmdline, key);
  if (!at) return NULL;
  at += strlen(key);
  size_t n = strcspn(at, " \n");
  if (n >= sizeof value) n = sizeof value - 1;
  memcpy(value, at, n);
  value[n] = 0;
  return value;
}

static void *aligned_block(char fill) {
  void *buf;
  if (posix_memalign(&buf, BLOCK, BLOCK)) die("posix_memalign");
  memset(buf, fill, BLOCK);
  return buf;
}

static void report_write_cache(const char *disk) {
  char path[64], line[32] = "";
  snprintf(path, sizeof path, "/sys/block/%s/queue/write_cache", disk);
  FILE *f = fopen(path, "r");
  if (!f || !fgets(line, sizeof line, f)) die(path);
  fclose(f);
  line[strcspn(line, "\n")] = 0;
  mark("@wc %s %s\n", disk, line);
}

/* One write kind: n overwrites of the preallocated file /mnt/<kind>.dat, each timed. The letter
 * names the kind in the markers: f = buffered write + fdatasync, s = O_SYNC, d = O_DIRECT,
 * b = plain buffered write. */
static void run_kind(char letter, const char *file, int flags, int n) {
  int fd = open(file, O_WRONLY | flags);
  if (fd < 0) die(file);
  void *buf = aligned_block(letter);
  for (int i = 0; i < n; i++) {
    mark("@b %c %d\n", letter, i);
    long long t0 = now_ns();
    if (pwrite(fd, buf, BLOCK, (off_t)i * BLOCK) != BLOCK) die("pwrite");
    /* fdatasync, not fsync: the data and a cache flush, without forcing a journal commit for
     * the inode's timestamps, so the call is the model's "write + barrier" and nothing else. */
    if (letter == 'f' && fdatasync(fd)) die("fdatasync");
    long long t1 = now_ns();
    mark("@e %c %d %lld\n", letter, i, t1 - t0);
  }
  free(buf);
  close(fd);
}

static void task_writes(const char *barrier, int n) {
  report_write_cache("vda");
  char options[32];
  snprintf(options, sizeof options, "barrier=%s", barrier);
  /* lazytime and noatime: an overwrite changes no on-disk metadata, so no journal commit (and
   * none of its flushes) lands among the calls being measured. */
  if (mount("/dev/vda", "/mnt", "ext4", MS_NOATIME | MS_LAZYTIME, options)) die("mount");
  mark("@mounted %s\n", options);
  run_kind('f', "/mnt/f.dat", 0, n);
  run_kind('s', "/mnt/s.dat", O_SYNC, n);
  run_kind('d', "/mnt/d.dat", O_DIRECT, n);
  run_kind('b', "/mnt/b.dat", 0, n);
}

/* One write of a block filled with `fill` at `offset` of `dev`, reported once it returned. With
 * `flush`, an fdatasync on the device follows (a guest flush: blkdev_fsync). */
static void kill_write(const char *name, const char *dev, int flags, off_t offset, char fill,
                       int flush) {
  int fd = open(dev, O_WRONLY | flags);
  if (fd < 0) die(dev);
  void *buf = aligned_block(fill);
  if (pwrite(fd, buf, BLOCK, offset) != BLOCK) die("pwrite");
  if (flush && fdatasync(fd)) die("fdatasync");
  mark("@r %s\n", name);
  /* The buffered write stays open and dirty: closing a block device's last descriptor writes
   * its dirty pages (blkdev_close → sync_blockdev). */
  if (flags & (O_DIRECT | O_SYNC)) close(fd);
}

static void task_kill(void) {
  report_write_cache("vda");
  report_write_cache("vdb");
  /* raw image: one write of each kind the model's "QEMU killed" column covers */
  kill_write("raw-normal", "/dev/vda", 0, 0, 'N', 0);
  kill_write("raw-odirect", "/dev/vda", O_DIRECT, 1 << 20, 'D', 0);
  kill_write("raw-osync", "/dev/vda", O_SYNC, 2 << 20, 'S', 0);
  /* qcow2 image: each write allocates a new 64 KiB cluster; the first is covered by a flush */
  kill_write("qcow2-flushed", "/dev/vdb", O_DIRECT, 0, 'F', 1);
  kill_write("qcow2-unflushed", "/dev/vdb", O_DIRECT, 1 << 20, 'U', 0);
  /* The host kills QEMU on the last "@r": nothing more may happen in the guest. */
  for (;;) pause();
}

int main(void) {
  char cmdline[1024] = "";
  FILE *f = fopen("/proc/cmdline", "r");
  if (!f || !fgets(cmdline, sizeof cmdline, f)) die("/proc/cmdline");
  fclose(f);
  const char *task = cmdline_value(cmdline, "lab.task=");
  if (task && strcmp(task, "kill") == 0) {
    task_kill();
  } else {
    const char *barrier = cmdline_value(cmdline, "lab.barrier=");
    char b[4];
    snprintf(b, sizeof b, "%s", barrier ? barrier : "1");
    const char *count = cmdline_value(cmdline, "lab.n=");
    task_writes(b, count ? atoi(count) : 20);
  }
  mark("@done\n");
  reboot(RB_POWER_OFF);
  return 0;
}
