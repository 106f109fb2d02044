// fs.c -- the host's file system as py/port.h sees it: file reads for import and the
// .mpy loader, and the directory operations behind the os module. POSIX calls; each
// operation returns 0 or the errno value, which the os module turns into OSError.
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "port.h"
#include "host.h"

long mpf_port_file_size(const char *path) {
    struct stat st;
    if (stat(path, &st) != 0) {
        return -1;
    }
    if (S_ISDIR(st.st_mode)) {
        return -2;
    }
    return (long)st.st_size;
}

bool mpf_port_file_times(const char *path, int64_t out[3]) {
    struct stat st;
    if (stat(path, &st) != 0) {
        return false;
    }
    out[0] = (int64_t)st.st_atime;
    out[1] = (int64_t)st.st_mtime;
    out[2] = (int64_t)st.st_ctime;
    return true;
}

bool mpf_port_file_read(const char *path, uint8_t *buf, size_t len) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        return false;
    }
    size_t n = fread(buf, 1, len, f);
    fclose(f);
    return n == len;
}

static int result(int rc) {
    return rc == 0 ? 0 : mpf_host_errno();
}

const char *mpf_port_getenv(const char *name) {
    return getenv(name);
}

int mpf_port_urandom(uint8_t *buf, size_t len) {
    FILE *f = fopen("/dev/urandom", "rb");
    if (f == NULL) {
        return mpf_host_errno();
    }
    size_t n = fread(buf, 1, len, f);
    fclose(f);
    return n == len ? 0 : EIO;
}

int mpf_port_getcwd(char *buf, size_t len) {
    return getcwd(buf, len) != NULL ? 0 : mpf_host_errno();
}

int mpf_port_chdir(const char *path) {
    return result(chdir(path));
}

int mpf_port_listdir(const char *path, void (*fn)(void *env, const char *name), void *env) {
    DIR *d = opendir(path);
    if (d == NULL) {
        return mpf_host_errno();
    }
    // fn may raise (MemoryError) and never return: read every name first would need
    // a buffer, so the directory is closed on the normal path only -- the leak of one
    // DIR on an out-of-memory error is accepted on the host.
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
            fn(env, e->d_name);
        }
    }
    closedir(d);
    return 0;
}

int mpf_port_remove(const char *path) {
    return result(unlink(path));
}

int mpf_port_mkdir(const char *path) {
    return result(mkdir(path, 0777));
}

int mpf_port_rmdir(const char *path) {
    return result(rmdir(path));
}

int mpf_port_rename(const char *from, const char *to) {
    return result(rename(from, to));
}

#if CONFIG_MODULE_VFS
int mpf_port_statvfs(const char *path, uint32_t out[10]) {
    struct statvfs st;
    if (statvfs(path, &st) != 0) {
        return mpf_host_errno();
    }
    const unsigned long v[10] = {st.f_bsize, st.f_frsize, (unsigned long)st.f_blocks, (unsigned long)st.f_bfree,
        (unsigned long)st.f_bavail, (unsigned long)st.f_files, (unsigned long)st.f_ffree, (unsigned long)st.f_favail,
        st.f_flag, st.f_namemax};
    for (size_t i = 0; i < 10; i++) {
        out[i] = v[i] > UINT32_MAX ? UINT32_MAX : (uint32_t)v[i];
    }
    return 0;
}
#endif
